# The environment's hosted zone and the aliases of the ingress hosts (REST API and the two Socket.io gateways).

resource "aws_route53_zone" "this" {
  count = var.create_zone ? 1 : 0
  name  = var.zone_name
  tags  = var.tags
}

data "aws_route53_zone" "existing" {
  count = var.create_zone ? 0 : 1
  name  = var.zone_name
}

locals {
  zone_id = var.create_zone ? aws_route53_zone.this[0].zone_id : data.aws_route53_zone.existing[0].zone_id
}

resource "aws_route53_record" "ingress" {
  for_each = var.ingress_lb_dns_name == "" ? toset([]) : toset(var.ingress_hosts)
  zone_id  = local.zone_id
  name     = "${each.value}.${var.zone_name}"
  type     = "A"
  alias {
    name                   = var.ingress_lb_dns_name
    zone_id                = var.ingress_lb_zone_id
    evaluate_target_health = true
  }
}
