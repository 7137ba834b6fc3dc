output "vpc_id" {
  description = "VPC ID."
  value       = module.vpc.vpc_id
}

output "private_subnets" {
  description = "Private subnet IDs, one per zone."
  value       = module.vpc.private_subnets
}

output "public_subnets" {
  description = "Public subnet IDs, one per zone."
  value       = module.vpc.public_subnets
}

output "zone_id" {
  description = "Route 53 hosted zone ID."
  value       = local.zone_id
}

output "name_servers" {
  description = "Delegate the domain to these name servers (only when the zone was created here)."
  value       = var.dns_zone_mode == "create" ? aws_route53_zone.platform[0].name_servers : []
}
