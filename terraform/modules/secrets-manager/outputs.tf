output "secret_names" {
  description = "Every secret of the environment"
  value = concat(
    [for s in aws_secretsmanager_secret.generated : s.name],
    [for s in aws_secretsmanager_secret.operator : s.name],
    [aws_secretsmanager_secret.jwt.name, aws_secretsmanager_secret.redis.name],
    [for s in aws_secretsmanager_secret.elasticsearch : s.name],
  )
}

output "external_secrets_role_arn" {
  description = "For the external-secrets service account (eks.amazonaws.com/role-arn)"
  value       = aws_iam_role.external_secrets.arn
}

output "kms_key_arn" {
  value = aws_kms_key.secrets.arn
}
