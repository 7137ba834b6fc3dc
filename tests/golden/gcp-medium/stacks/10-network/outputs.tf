output "network_name" {
  description = "VPC network name."
  value       = module.vpc.network_name
}

output "network_self_link" {
  description = "VPC network self link."
  value       = module.vpc.network_self_link
}

output "subnet_name" {
  description = "Node subnet name."
  value       = module.vpc.subnets_names[0]
}

output "pods_range_name" {
  description = "Secondary range name for pods."
  value       = "pods"
}

output "services_range_name" {
  description = "Secondary range name for services."
  value       = "services"
}

output "zone_name" {
  description = "Cloud DNS managed zone name."
  value       = local.zone_name
}

output "name_servers" {
  description = "Delegate the domain to these name servers (only needed when the zone was created here)."
  value       = local.name_servers
}
