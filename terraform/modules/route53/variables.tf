variable "zone_name" {
  description = "DNS zone of the environment, e.g. staging.delivery.example.com"
  type        = string
}

variable "create_zone" {
  description = "Create the hosted zone (delegate it from the parent zone afterwards) or use an existing one"
  type        = bool
  default     = true
}

variable "ingress_hosts" {
  description = "Host names (without the zone) served by the ingress load balancer, e.g. [\"api\", \"realtime-orders\", \"realtime-tracking\"]"
  type        = list(string)
  default     = ["api", "realtime-orders", "realtime-tracking"]
}

variable "ingress_lb_dns_name" {
  description = "DNS name of the ingress controller's load balancer; empty until the controller is installed (second apply)"
  type        = string
  default     = ""
}

variable "ingress_lb_zone_id" {
  description = "Hosted zone id of that load balancer"
  type        = string
  default     = ""
}

variable "tags" {
  type    = map(string)
  default = {}
}
