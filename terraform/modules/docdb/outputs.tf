output "endpoint" {
  description = "Cluster (writer) endpoint for the MONGODB_URI secrets"
  value       = aws_docdb_cluster.this.endpoint
}

output "reader_endpoint" {
  value = aws_docdb_cluster.this.reader_endpoint
}

output "port" {
  value = aws_docdb_cluster.this.port
}

output "master_user_secret_arn" {
  value = aws_docdb_cluster.this.master_user_secret[0].secret_arn
}

output "security_group_id" {
  value = aws_security_group.this.id
}
