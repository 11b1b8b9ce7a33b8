variable "prefix" {
  description = "Secret name prefix; the Helm value externalSecrets.remoteKeyPrefix must be the same (delivery/staging)"
  type        = string
}

variable "generated_passwords" {
  description = "Secrets whose single key `password` Terraform generates (the services' database role passwords)"
  type        = list(string)
  default = [
    "user-service-db",
    "order-service-db",
    "vendor-service-db",
    "driver-service-db",
    "payment-service-db",
    "notification-service-db",
  ]
}

variable "operator_secrets" {
  description = "Secrets that people fill in after the first apply (aws secretsmanager put-secret-value), with their keys"
  type        = map(list(string))
  default = {
    "user-service-admin"             = ["email", "password"]
    "payment-service-stripe"         = ["secret-key", "webhook-secret"]
    "tracking-service-google-maps"   = ["api-key"]
    "notification-service-providers" = ["firebase-project-id", "firebase-client-email", "firebase-private-key", "twilio-account-sid", "twilio-auth-token", "twilio-phone-number", "sendgrid-api-key"]
    "driver-service-mongodb"         = ["uri"]
    "tracking-service-mongodb"       = ["uri"]
  }
}

variable "redis_auth_token" {
  description = "ElastiCache AUTH token, stored as delivery-redis/auth-token"
  type        = string
  sensitive   = true
}

variable "elasticsearch_uris" {
  description = "Elasticsearch URI with credentials for vendor-service (vendor-service-elasticsearch/uris)"
  type        = string
  sensitive   = true
  default     = ""
}

variable "oidc_provider_arn" {
  type = string
}

variable "oidc_issuer" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
