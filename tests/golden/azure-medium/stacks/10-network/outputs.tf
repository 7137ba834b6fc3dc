output "vnet_id" {
  description = "VNet resource ID."
  value       = module.vnet.resource_id
}

output "node_subnet_id" {
  description = "Subnet of the AKS nodes (every zone)."
  value       = module.vnet.subnets["nodes"].resource_id
}

output "nat_public_ip" {
  description = "Egress address of the nodes (allow-list it where needed)."
  value       = azurerm_public_ip.nat.ip_address
}

output "dns_zone_id" {
  description = "Azure DNS zone ID."
  value       = local.dns_zone_id
}

output "name_servers" {
  description = "Delegate the domain to these name servers (only when the zone was created here)."
  value       = var.dns_zone_mode == "create" ? azurerm_dns_zone.platform[0].name_servers : []
}
