variable "namespace" {
  type    = string
  default = "elastic-system"
}

variable "cluster_name" {
  description = "Elasticsearch resource name; the HTTP service is <cluster_name>-es-http"
  type        = string
  default     = "delivery"
}

variable "eck_operator_version" {
  description = "Helm chart version of elastic/eck-operator (ECK 3.x runs Elasticsearch 9)"
  type        = string
  default     = "3.2.0"
}

variable "elasticsearch_version" {
  description = "Same major as the services' Spring Data Elasticsearch client (9.x)"
  type        = string
  default     = "9.2.2"
}

variable "node_count" {
  type    = number
  default = 3
}

variable "storage_size" {
  type    = string
  default = "100Gi"
}

variable "storage_class" {
  type    = string
  default = "gp3"
}

variable "memory" {
  description = "Memory request and limit per node (the JVM heap defaults to half)"
  type        = string
  default     = "4Gi"
}

variable "cpu" {
  type    = string
  default = "1"
}

variable "create_storage_class" {
  description = "Create the storage class named storage_class (gp3, EBS CSI)"
  type        = bool
  default     = true
}
