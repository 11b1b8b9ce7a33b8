# What the Helm values of this environment need (config.* and serviceAccount annotations)
output "postgres_host" {
  value = module.rds_postgres.address
}

output "postgres_master_secret_arn" {
  value = module.rds_postgres.master_user_secret_arn
}

output "redis_host" {
  value = module.elasticache_redis.primary_endpoint
}

output "kafka_bootstrap_servers" {
  value = module.msk.bootstrap_brokers_tls
}

output "docdb_endpoint" {
  value = module.docdb.endpoint
}

output "docdb_master_secret_arn" {
  value = module.docdb.master_user_secret_arn
}

output "elasticsearch_endpoint" {
  value = module.elasticsearch.http_endpoint
}

output "eks_cluster_name" {
  value = module.eks.cluster_name
}

output "workloads_role_arn" {
  value = module.s3.workloads_role_arn
}

output "external_secrets_role_arn" {
  value = module.secrets_manager.external_secrets_role_arn
}

output "media_bucket" {
  value = module.s3.bucket_name
}

output "cdn_domain" {
  value = module.cloudfront.domain_name
}

output "dns_name_servers" {
  value = module.route53.name_servers
}
