output "http_endpoint" {
  description = "In-cluster URL (ELASTICSEARCH_URIS without credentials)"
  value       = "http://${var.cluster_name}-es-http.${var.namespace}.svc:9200"
}

output "vendor_uris" {
  description = "URL with vendor-service's credentials, for the vendor-service-elasticsearch secret"
  value       = "http://vendor-service:${random_password.vendor.result}@${var.cluster_name}-es-http.${var.namespace}.svc:9200"
  sensitive   = true
}
