output "primary_endpoint" {
  description = "Host name for REDIS_HOST (TLS: SPRING_DATA_REDIS_SSL_ENABLED=true)"
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "port" {
  value = aws_elasticache_replication_group.this.port
}

output "security_group_id" {
  value = aws_security_group.this.id
}
