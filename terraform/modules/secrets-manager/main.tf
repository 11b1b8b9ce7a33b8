# Secrets Manager entries the pods read through External Secrets (ExternalSecret objects made by the Helm chart
# or the kustomize overlays): "<prefix>/<secret-name>", a JSON object with one property per key.
#
# No secret value is written in this repository. Terraform generates what it can (database role passwords,
# the Redis AUTH token, the RS256 signing key of user-service) into its encrypted remote state; third-party
# credentials (Stripe, Twilio, SendGrid, Firebase, Google Maps) and the MongoDB URIs are put in by people.

resource "aws_kms_key" "secrets" {
  description             = "${var.prefix} application secrets"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = var.tags
}

# --- generated ------------------------------------------------------------------------------------------

resource "random_password" "db" {
  for_each         = toset(var.generated_passwords)
  length           = 32
  special          = true
  override_special = "-_.~"
}

resource "aws_secretsmanager_secret" "generated" {
  for_each   = toset(var.generated_passwords)
  name       = "${var.prefix}/${each.value}"
  kms_key_id = aws_kms_key.secrets.arn
  tags       = var.tags
}

resource "aws_secretsmanager_secret_version" "generated" {
  for_each      = toset(var.generated_passwords)
  secret_id     = aws_secretsmanager_secret.generated[each.value].id
  secret_string = jsonencode({ password = random_password.db[each.value].result })
}

# user-service signs access tokens with this key (USER_JWT_PRIVATE_KEY, PKCS#8 PEM); rotating it logs everyone out
resource "tls_private_key" "jwt" {
  algorithm = "RSA"
  rsa_bits  = 3072
}

resource "aws_secretsmanager_secret" "jwt" {
  name       = "${var.prefix}/user-service-jwt"
  kms_key_id = aws_kms_key.secrets.arn
  tags       = var.tags
}

resource "aws_secretsmanager_secret_version" "jwt" {
  secret_id     = aws_secretsmanager_secret.jwt.id
  secret_string = jsonencode({ "private-key" = tls_private_key.jwt.private_key_pem_pkcs8 })
}

resource "aws_secretsmanager_secret" "redis" {
  name       = "${var.prefix}/delivery-redis"
  kms_key_id = aws_kms_key.secrets.arn
  tags       = var.tags
}

resource "aws_secretsmanager_secret_version" "redis" {
  secret_id     = aws_secretsmanager_secret.redis.id
  secret_string = jsonencode({ "auth-token" = var.redis_auth_token })
}

resource "aws_secretsmanager_secret" "elasticsearch" {
  count      = var.elasticsearch_uris == "" ? 0 : 1
  name       = "${var.prefix}/vendor-service-elasticsearch"
  kms_key_id = aws_kms_key.secrets.arn
  tags       = var.tags
}

resource "aws_secretsmanager_secret_version" "elasticsearch" {
  count         = var.elasticsearch_uris == "" ? 0 : 1
  secret_id     = aws_secretsmanager_secret.elasticsearch[0].id
  secret_string = jsonencode({ uris = var.elasticsearch_uris })
}

# --- filled in by people ----------------------------------------------------------------------------------

resource "aws_secretsmanager_secret" "operator" {
  for_each    = var.operator_secrets
  name        = "${var.prefix}/${each.key}"
  description = "JSON with the keys: ${join(", ", each.value)}"
  kms_key_id  = aws_kms_key.secrets.arn
  tags        = var.tags
}

# --- External Secrets operator (IRSA): may read this environment's secrets, nothing else -------------------

resource "aws_iam_role" "external_secrets" {
  name = "${replace(var.prefix, "/", "-")}-external-secrets"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = var.oidc_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${var.oidc_issuer}:sub" = "system:serviceaccount:external-secrets:external-secrets"
          "${var.oidc_issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "external_secrets" {
  name = "read-${replace(var.prefix, "/", "-")}"
  role = aws_iam_role.external_secrets.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = "arn:aws:secretsmanager:*:*:secret:${var.prefix}/*"
      },
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = aws_kms_key.secrets.arn
      },
    ]
  })
}
