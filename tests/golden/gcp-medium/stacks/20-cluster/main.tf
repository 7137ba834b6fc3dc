data "terraform_remote_state" "network" {
  backend = "gcs"

  config = {
    bucket = var.state_bucket
    prefix = "stacks/10-network"
  }
}

locals {
  network_name        = data.terraform_remote_state.network.outputs.network_name
  subnet_name         = data.terraform_remote_state.network.outputs.subnet_name
  pods_range_name     = data.terraform_remote_state.network.outputs.pods_range_name
  services_range_name = data.terraform_remote_state.network.outputs.services_range_name
  zone_name           = data.terraform_remote_state.network.outputs.zone_name
}

################################################################################
# GKE: regional, private nodes, Workload Identity, REGULAR release channel
################################################################################

module "gke" {
  source  = "terraform-google-modules/kubernetes-engine/google//modules/private-cluster"
  version = "44.2.0"

  project_id          = var.project_id
  name                = var.name
  regional            = true
  region              = var.region
  zones               = var.zones
  network             = local.network_name
  subnetwork          = local.subnet_name
  ip_range_pods       = local.pods_range_name
  ip_range_services   = local.services_range_name
  kubernetes_version  = var.kubernetes_version
  release_channel     = "REGULAR"
  deletion_protection = true

  # Nodes have no public IP and reach the internet through Cloud NAT.
  enable_private_nodes   = true
  master_ipv4_cidr_block = var.control_plane_cidr
  # Public API endpoint, open to any address (IAM authenticates every
  # call; plan: kubernetes.apiAccess.allowedCidrs restricts it).
  enable_private_endpoint = false

  # Pods act as Google service accounts through the GKE metadata server.
  identity_namespace = "enabled"
  node_metadata      = "GKE_METADATA"

  datapath_provider        = "ADVANCED_DATAPATH"
  remove_default_node_pool = true
  create_service_account   = true

  # Admission webhooks on 8443/9443/15017 (e.g. CloudNativePG) must be reachable
  # from the control plane of a private cluster.
  add_master_webhook_firewall_rules = true

  cluster_resource_labels = var.labels

  # Plan sizes are totals across the zones (total_*), as on the other clouds.
  node_pools = [
    for name, pool in var.node_pools : {
      name            = name
      machine_type    = pool.machine_type
      total_min_count = pool.min
      total_max_count = pool.max
      disk_size_gb    = pool.disk_gib
      disk_type       = "pd-balanced"
      image_type      = "COS_CONTAINERD"
      auto_repair     = true
      auto_upgrade    = true
      location_policy = "BALANCED"
    }
  ]

  node_pools_labels = {
    for name, pool in var.node_pools : name => { "opsta.dev/pool" = name }
  }
}

################################################################################
# Google service accounts for the platform's workloads, each usable only by its
# own Kubernetes service account (GKE Workload Identity)
################################################################################

resource "google_service_account" "workload" {
  for_each = var.workload_identities

  project      = var.project_id
  account_id   = each.value.account_id
  display_name = "${var.name} ${each.key} (GKE Workload Identity)"
}

resource "google_service_account_iam_member" "workload_identity" {
  for_each = var.workload_identities

  service_account_id = google_service_account.workload[each.key].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${module.gke.identity_namespace}[${each.value.namespace}/${each.value.service_account}]"
}

# external-dns records and cert-manager DNS-01 challenges: they may change records
# in the platform zone only. Both look the zone up by listing the project's zones,
# a project-level permission, so they also get read-only roles/dns.reader there.
resource "google_dns_managed_zone_iam_member" "dns" {
  for_each = toset(var.dns_workloads)

  project      = var.project_id
  managed_zone = local.zone_name
  role         = "roles/dns.admin"
  member       = "serviceAccount:${google_service_account.workload[each.key].email}"
}

resource "google_project_iam_member" "dns_reader" {
  for_each = toset(var.dns_workloads)

  project = var.project_id
  role    = "roles/dns.reader"
  member  = "serviceAccount:${google_service_account.workload[each.key].email}"
}

################################################################################
# Vault auto-unseal key: Vault starts sealed and unseals itself with this key,
# so no unseal key share ever exists outside Cloud KMS. Key rings cannot be
# deleted, and destroying the key makes Vault's data unrecoverable.
################################################################################

resource "google_kms_key_ring" "vault" {
  name     = var.vault_key_ring
  project  = var.project_id
  location = var.region
}

resource "google_kms_crypto_key" "vault" {
  name            = var.vault_crypto_key
  key_ring        = google_kms_key_ring.vault.id
  purpose         = "ENCRYPT_DECRYPT"
  rotation_period = "7776000s"

  lifecycle {
    prevent_destroy = true
  }
}

# Encrypt/decrypt with the key, and read its metadata (Vault checks the key at start).
resource "google_kms_crypto_key_iam_member" "vault" {
  for_each = toset(["roles/cloudkms.cryptoKeyEncrypterDecrypter", "roles/cloudkms.viewer"])

  crypto_key_id = google_kms_crypto_key.vault.id
  role          = each.value
  member        = "serviceAccount:${google_service_account.workload["vault"].email}"
}

################################################################################
# Harbor registry storage
################################################################################

resource "google_storage_bucket" "registry" {
  name                        = var.registry_bucket
  project                     = var.project_id
  location                    = var.region
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = var.labels
}

# The bucket is granted to the registry's own Kubernetes service account
# (registry.serviceAccountName; not the namespace's default one) directly, as a
# Workload Identity Federation for GKE principal, with no Google service account.
resource "google_storage_bucket_iam_member" "registry" {
  bucket = google_storage_bucket.registry.name
  role   = "roles/storage.objectAdmin"
  member = "${local.workload_principal}/ns/${var.registry_k8s_service_account.namespace}/sa/${var.registry_k8s_service_account.service_account}"
}

data "google_project" "this" {
  project_id = var.project_id
}

locals {
  # A Kubernetes service account as an IAM principal: append /ns/<namespace>/sa/<name>.
  workload_principal = "principal://iam.googleapis.com/projects/${data.google_project.this.number}/locations/global/workloadIdentityPools/${module.gke.identity_namespace}/subject"
}
