output "bootstrap_brokers_tls" {
  description = "Value for KAFKA_BOOTSTRAP_SERVERS"
  value       = aws_msk_cluster.this.bootstrap_brokers_tls
}

output "security_group_id" {
  value = aws_security_group.this.id
}
