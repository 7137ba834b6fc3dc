################################################################################
# VPC: one regional subnet for the nodes, with secondary ranges for GKE pods
# and services (VPC-native cluster)
################################################################################

module "vpc" {
  source  = "terraform-google-modules/network/google"
  version = "18.1.0"

  project_id   = var.project_id
  network_name = var.name
  routing_mode = "REGIONAL"

  subnets = [
    {
      subnet_name           = "${var.name}-nodes"
      subnet_ip             = var.node_cidr
      subnet_region         = var.region
      subnet_private_access = "true"
    },
  ]

  secondary_ranges = {
    "${var.name}-nodes" = [
      {
        range_name    = "pods"
        ip_cidr_range = var.pods_cidr
      },
      {
        range_name    = "services"
        ip_cidr_range = var.services_cidr
      },
    ]
  }
}

################################################################################
# Cloud NAT: private nodes reach the internet (images, ACME, Helm charts)
# through one regional gateway; Cloud NAT has no per-zone gateways.
################################################################################

resource "google_compute_router" "nat" {
  name    = "${var.name}-nat"
  project = var.project_id
  region  = var.region
  network = module.vpc.network_self_link
}

resource "google_compute_router_nat" "nat" {
  name                               = "${var.name}-nat"
  project                            = var.project_id
  region                             = var.region
  router                             = google_compute_router.nat.name
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"
  enable_dynamic_port_allocation     = true

  log_config {
    enable = true
    filter = "ERRORS_ONLY"
  }
}

################################################################################
# DNS zone for every platform hostname
################################################################################

resource "google_dns_managed_zone" "platform" {
  count = var.dns_zone_mode == "create" ? 1 : 0

  name        = var.name
  project     = var.project_id
  dns_name    = "${var.domain}."
  description = "Managed by Opsta for ${var.name}"
  visibility  = "public"
  labels      = var.labels
}

# An existing zone is found by its DNS name: the zone's resource name is not in the plan.
data "google_dns_managed_zones" "existing" {
  count = var.dns_zone_mode == "existing" ? 1 : 0

  project = var.project_id

  lifecycle {
    postcondition {
      condition     = length([for z in self.managed_zones : z if z.dns_name == "${var.domain}."]) == 1
      error_message = "dns.zone is existing, but the project has no Cloud DNS zone for the domain: create it, or set dns.zone to create."
    }
  }
}

locals {
  existing_zones = var.dns_zone_mode == "existing" ? [
    for z in data.google_dns_managed_zones.existing[0].managed_zones : z if z.dns_name == "${var.domain}."
  ] : []

  zone_name    = var.dns_zone_mode == "create" ? google_dns_managed_zone.platform[0].name : local.existing_zones[0].name
  name_servers = var.dns_zone_mode == "create" ? google_dns_managed_zone.platform[0].name_servers : local.existing_zones[0].name_servers
}
