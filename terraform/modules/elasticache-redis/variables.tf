variable "name" {
  type = string
}

variable "engine_version" {
  type    = string
  default = "7.1"
}

variable "node_type" {
  type    = string
  default = "cache.m7g.large"
}

variable "replicas" {
  description = "Cache clusters in the replication group (1 primary + replicas); 2 or more enables failover"
  type        = number
  default     = 2
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "allowed_security_group_ids" {
  type = list(string)
}

variable "auth_token" {
  description = "AUTH token (16-128 characters); the environment generates it and stores it in Secrets Manager"
  type        = string
  sensitive   = true
}

variable "tags" {
  type    = map(string)
  default = {}
}
