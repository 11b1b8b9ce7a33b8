variable "name" {
  description = "Bucket name prefix; the bucket is <name>-media"
  type        = string
}

variable "cors_allowed_origins" {
  description = "Web origins that upload directly (pre-signed PUT)"
  type        = list(string)
  default     = []
}

variable "oidc_provider_arn" {
  description = "EKS OIDC provider, for the workloads role (IRSA)"
  type        = string
}

variable "oidc_issuer" {
  description = "EKS OIDC issuer without https://"
  type        = string
}

variable "namespace" {
  description = "Kubernetes namespace of the platform (delivery-staging, delivery-production)"
  type        = string
}

variable "service_account" {
  description = "Service account of the platform's pods (Helm value serviceAccount.name)"
  type        = string
  default     = "delivery-platform"
}

variable "tags" {
  type    = map(string)
  default = {}
}
