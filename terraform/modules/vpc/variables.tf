variable "name" {
  description = "Name prefix of every resource, e.g. delivery-staging"
  type        = string
}

variable "cidr" {
  description = "CIDR block of the VPC (a /16 leaves room for the subnets below)"
  type        = string
  default     = "10.0.0.0/16"
}

variable "azs" {
  description = "Availability zones to spread subnets over (three for production)"
  type        = list(string)
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all zones (cheaper, for staging) instead of one per zone"
  type        = bool
  default     = false
}

variable "cluster_name" {
  description = "EKS cluster name, tagged on subnets so load balancers find them"
  type        = string
}

variable "tags" {
  description = "Tags added to every resource"
  type        = map(string)
  default     = {}
}
