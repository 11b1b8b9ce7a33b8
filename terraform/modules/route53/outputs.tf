output "zone_id" {
  value = local.zone_id
}

output "name_servers" {
  description = "Delegate the zone to these from the parent zone"
  value       = var.create_zone ? aws_route53_zone.this[0].name_servers : data.aws_route53_zone.existing[0].name_servers
}
