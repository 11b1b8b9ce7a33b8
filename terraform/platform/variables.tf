variable "environment" {
  description = "staging or production: names, tags and the Kubernetes namespace; the values per environment are in ../environments/<env>.tfvars"
  type        = string
  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "region" {
  type = string
}

variable "azs" {
  type = list(string)
}

variable "vpc_cidr" {
  type = string
}

variable "domain" {
  description = "DNS zone of the environment (api.<domain>, realtime-orders.<domain>, realtime-tracking.<domain>, cdn.<domain>)"
  type        = string
}

variable "single_nat_gateway" {
  type = bool
}

variable "eks_node_instance_types" {
  type = list(string)
}

variable "eks_node_min" {
  type = number
}

variable "eks_node_max" {
  type = number
}

variable "eks_node_desired" {
  type = number
}

variable "eks_admin_principal_arns" {
  description = "IAM roles of operators and of the CI deploy role"
  type        = list(string)
  default     = []
}

variable "rds_instance_class" {
  type = string
}

variable "rds_multi_az" {
  type = bool
}

variable "redis_node_type" {
  type = string
}

variable "redis_replicas" {
  type = number
}

variable "msk_broker_instance_type" {
  type = string
}

variable "docdb_instance_class" {
  type = string
}

variable "docdb_instance_count" {
  type = number
}

variable "elasticsearch_nodes" {
  type = number
}

variable "elasticsearch_memory" {
  type = string
}

variable "deletion_protection" {
  type = bool
}

variable "ingress_lb_dns_name" {
  description = "Set after the ingress controller exists (kubectl -n ingress-nginx get svc): creates the DNS aliases"
  type        = string
  default     = ""
}

variable "ingress_lb_zone_id" {
  type    = string
  default = ""
}

variable "web_origins" {
  description = "Browser origins of the web apps (S3 CORS for uploads)"
  type        = list(string)
  default     = []
}
