variable "name" {
  type = string
}

variable "domain_name" {
  description = "Host of the CDN, e.g. cdn.delivery.example.com"
  type        = string
}

variable "zone_id" {
  description = "Route53 hosted zone for the certificate's DNS validation"
  type        = string
}

variable "bucket_name" {
  type = string
}

variable "bucket_arn" {
  type = string
}

variable "bucket_regional_domain_name" {
  type = string
}

variable "api_origin_domain" {
  description = "Host name of the API (api.<domain>): /api/* is passed through uncached; empty = media only"
  type        = string
  default     = ""
}

variable "price_class" {
  type    = string
  default = "PriceClass_100"
}

variable "tags" {
  type    = map(string)
  default = {}
}
