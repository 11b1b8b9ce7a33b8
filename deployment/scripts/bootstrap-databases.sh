#!/usr/bin/env bash
# Creates each service's role and database on a new RDS instance, with the passwords Terraform generated in
# Secrets Manager, and the PostGIS extension where the services need it (the cloud counterpart of
# database/init/00-databases.sql). Idempotent: existing roles get their password reset, nothing is dropped.
#
# Needs aws (credentials of an operator), jq and psql, and a network path to the database (run it from a pod
# in the cluster or through a bastion):
#   ENVIRONMENT=staging PGHOST=$(terraform -chdir=terraform/environments/staging output -raw postgres_host) \
#   MASTER_SECRET_ARN=$(terraform -chdir=terraform/environments/staging output -raw postgres_master_secret_arn) \
#   deployment/scripts/bootstrap-databases.sh
set -euo pipefail

ENVIRONMENT=${ENVIRONMENT:?staging or production}
PGHOST=${PGHOST:?RDS address}
MASTER_SECRET_ARN=${MASTER_SECRET_ARN:?secret of the RDS master user}
export PGHOST PGPORT=${PGPORT:-5432} PGSSLMODE=require PGDATABASE=postgres

master=$(aws secretsmanager get-secret-value --secret-id "$MASTER_SECRET_ARN" --query SecretString --output text)
export PGUSER PGPASSWORD
PGUSER=$(jq -r .username <<<"$master")
PGPASSWORD=$(jq -r .password <<<"$master")

# service -> database (= role) name, and whether it needs PostGIS
declare -A databases=([user]=users [order]=orders [vendor]=vendors [driver]=drivers [payment]=payments [notification]=notifications)
declare -A postgis=([vendors]=1 [orders]=1)

for service in "${!databases[@]}"; do
  db=${databases[$service]}
  password=$(aws secretsmanager get-secret-value --secret-id "delivery/$ENVIRONMENT/$service-service-db" \
    --query SecretString --output text | jq -r .password)
  echo "== $db"
  psql -v ON_ERROR_STOP=1 -v db="$db" -v pw="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'db') \gexec
ALTER ROLE :"db" WITH LOGIN PASSWORD :'pw';
GRANT :"db" TO CURRENT_USER;
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  if [[ -n "${postgis[$db]:-}" ]]; then
    PGDATABASE=$db psql -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION IF NOT EXISTS postgis;'
  fi
done
echo "databases ready; the services run their Flyway migrations when they start"
