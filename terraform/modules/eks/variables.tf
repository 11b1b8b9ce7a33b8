variable "name" {
  description = "Cluster name, e.g. delivery-staging"
  type        = string
}

variable "kubernetes_version" {
  description = "EKS Kubernetes version (the Helm chart needs 1.29 or newer)"
  type        = string
  default     = "1.33"
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  description = "Private subnets for the control plane ENIs and the nodes"
  type        = list(string)
}

variable "endpoint_public_access" {
  description = "Whether the API server is reachable from the internet (CI deploys through it)"
  type        = bool
  default     = true
}

variable "public_access_cidrs" {
  description = "Who may reach a public API endpoint"
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "node_instance_types" {
  type    = list(string)
  default = ["m7i.xlarge"]
}

variable "node_min_size" {
  type    = number
  default = 3
}

variable "node_max_size" {
  type    = number
  default = 10
}

variable "node_desired_size" {
  type    = number
  default = 3
}

variable "admin_principal_arns" {
  description = "IAM principals (roles of people and of CI) given cluster-admin through EKS access entries"
  type        = list(string)
  default     = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
