variable "name" {
  type = string
}

variable "engine_version" {
  description = "PostgreSQL major (RDS picks the newest minor); PostGIS is an RDS-supported extension of every major"
  type        = string
  default     = "16"
}

variable "instance_class" {
  type    = string
  default = "db.m7g.large"
}

variable "allocated_storage" {
  type    = number
  default = 100
}

variable "max_allocated_storage" {
  type    = number
  default = 500
}

variable "multi_az" {
  type    = bool
  default = true
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  description = "Database-tier subnets"
  type        = list(string)
}

variable "allowed_security_group_ids" {
  description = "Security groups allowed to connect on 5432 (the EKS cluster's)"
  type        = list(string)
}

variable "backup_retention_days" {
  type    = number
  default = 14
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "max_connections" {
  description = "Seven services x replicas x DB_POOL_SIZE, plus migrations and admin sessions"
  type        = number
  default     = 500
}

variable "tags" {
  type    = map(string)
  default = {}
}
