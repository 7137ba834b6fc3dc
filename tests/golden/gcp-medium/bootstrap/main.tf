# Run once by an administrator with their own credentials (see README.md).
# Enables the project's APIs and creates the state bucket and the three service
# accounts GitHub Actions impersonates through Workload Identity Federation: a
# read-only plan account for pull requests, a read-only drift account for the
# scheduled drift check on the base branch, and an apply account for the
# protected environment. No service account key is created anywhere.

################################################################################
# APIs every stage uses
################################################################################

locals {
  services = [
    "cloudkms.googleapis.com",
    "cloudresourcemanager.googleapis.com",
    "compute.googleapis.com",
    "container.googleapis.com",
    "dns.googleapis.com",
    "iam.googleapis.com",
    "iamcredentials.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "serviceusage.googleapis.com",
    "storage.googleapis.com",
    "sts.googleapis.com",
  ]
}

resource "google_project_service" "enabled" {
  for_each = toset(local.services)

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

################################################################################
# State bucket: versioned, uniform bucket-level access, never public. The GCS
# backend locks with a lock object next to the state, so nothing else is needed.
################################################################################

resource "google_storage_bucket" "state" {
  name                        = var.state_bucket
  project                     = var.project_id
  location                    = var.region
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false
  labels                      = var.labels

  versioning {
    enabled = true
  }

  # Old state versions are kept for recovery, not forever.
  lifecycle_rule {
    condition {
      num_newer_versions = 20
      with_state         = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  # Every stage's state lives here: a destroy must be a deliberate code change.
  lifecycle {
    prevent_destroy = true
  }

  depends_on = [google_project_service.enabled]
}

################################################################################
# Service accounts the pipeline impersonates
################################################################################

# Pull requests plan with this account. They run code their author controls
# (the PR's own copy of plan.yml), so it reads resource metadata and only the
# state of the stages planned on pull requests; apply-only stages keep secrets
# in state, and it has no Secret Manager role (roles/viewer lists secrets but
# cannot access a version). Plans run with -lock=false: it writes nothing.
resource "google_service_account" "plan" {
  project      = var.project_id
  account_id   = var.plan_service_account_id
  display_name = "GitHub Actions: terraform plan on pull requests (${var.name})"

  depends_on = [google_project_service.enabled]
}

# Viewer reads resources; Security Reviewer reads the IAM policies the stages
# manage (bucket, key and service account bindings), so a plan can refresh them.
locals {
  reader_roles = ["roles/viewer", "roles/iam.securityReviewer"]
}

resource "google_project_iam_member" "plan" {
  for_each = toset(local.reader_roles)

  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.plan.email}"
}

# The scheduled drift check plans with this account, bound to no environment, so
# it cannot wait for the environment's reviewers. Only drift.yml's and health.yml's
# scheduled or dispatched jobs on the base branch can impersonate it (the drift
# provider's attribute condition). It holds exactly the plan account's read: the
# stages pull requests plan, no apply-only state, no secret. Drift plans with
# -lock=false.
resource "google_service_account" "drift" {
  project      = var.project_id
  account_id   = var.drift_service_account_id
  display_name = "GitHub Actions: scheduled drift check on the base branch (${var.name})"

  depends_on = [google_project_service.enabled]
}

resource "google_project_iam_member" "drift" {
  for_each = toset(local.reader_roles)

  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.drift.email}"
}

# health.yml reads the cluster as this account: Kubernetes Engine Viewer reads
# nodes, pods and the platform's objects, never a Secret, and writes nothing.
resource "google_project_iam_member" "drift_cluster" {
  project = var.project_id
  role    = "roles/container.viewer"
  member  = "serviceAccount:${google_service_account.drift.email}"
}


# Only jobs bound to the protected GitHub environment on the base branch can
# impersonate this account (see the apply provider's attribute condition).
# Narrower than roles/owner: it cannot delete the project, change billing or
# enable APIs. roles/resourcemanager.projectIamAdmin (needed to grant the
# workload identities their roles) can still grant any role, so the real
# boundary is the environment's required reviewers and the attribute condition.
resource "google_service_account" "apply" {
  project      = var.project_id
  account_id   = var.apply_service_account_id
  display_name = "GitHub Actions: terraform apply and helmfile sync (${var.name})"

  depends_on = [google_project_service.enabled]
}

locals {
  apply_roles = [
    "roles/cloudkms.admin",
    "roles/compute.networkAdmin",
    "roles/compute.securityAdmin",
    "roles/container.admin",
    "roles/dns.admin",
    "roles/iam.serviceAccountAdmin",
    "roles/iam.serviceAccountUser",
    "roles/resourcemanager.projectIamAdmin",
    "roles/serviceusage.serviceUsageConsumer",
    "roles/storage.admin",
  ]
}

resource "google_project_iam_member" "apply" {
  for_each = toset(local.apply_roles)

  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.apply.email}"
}

################################################################################
# The state bucket's IAM policy, authoritative. A new bucket's default policy
# lets the project's viewers (projectViewer:, which includes the plan account
# through roles/viewer) read every object; this policy replaces it, so the plan
# account reads only the planned stages' state objects.
################################################################################

data "google_iam_policy" "state" {
  binding {
    role    = "roles/storage.legacyBucketOwner"
    members = ["projectEditor:${var.project_id}", "projectOwner:${var.project_id}"]
  }

  binding {
    role    = "roles/storage.legacyObjectOwner"
    members = ["projectEditor:${var.project_id}", "projectOwner:${var.project_id}"]
  }

  binding {
    role    = "roles/storage.objectAdmin"
    members = ["serviceAccount:${google_service_account.apply.email}"]
  }

  # Objects under each planned stage's prefix (its state; no lock object is
  # taken), plus listing the bucket, which terraform init does for workspaces.
  # The drift account plans the same stages, so it shares this binding.
  binding {
    role    = "roles/storage.objectViewer"
    members = ["serviceAccount:${google_service_account.plan.email}", "serviceAccount:${google_service_account.drift.email}"]

    condition {
      title       = "planned-stage-state"
      description = "Only the state of the stages pull requests (and the drift check) plan"
      expression  = <<-CEL
        resource.type == "storage.googleapis.com/Bucket"
        || resource.name.startsWith("projects/_/buckets/${var.state_bucket}/objects/stacks/10-network/")
        || resource.name.startsWith("projects/_/buckets/${var.state_bucket}/objects/stacks/20-cluster/")
      CEL
    }
  }
}

resource "google_storage_bucket_iam_policy" "state" {
  bucket      = google_storage_bucket.state.name
  policy_data = data.google_iam_policy.state.policy_data
}

################################################################################
# GitHub Workload Identity Federation: one pool and provider per identity, so
# that each provider's attribute condition (always set) admits only the tokens
# that identity should accept: pull requests of this repository for plan, the
# protected environment on the base branch for apply, drift.yml's and
# health.yml's scheduled or dispatched jobs on the base branch (no environment)
# for drift.
################################################################################

locals {
  # Attributes the bindings and audit logs use; google.subject stays the full
  # "sub" claim. Only claims every admitted token carries are mapped:
  # "environment" exists only in tokens of jobs bound to an environment.
  github_attributes = {
    "google.subject"                = "assertion.sub"
    "attribute.actor"               = "assertion.actor"
    "attribute.repository"          = "assertion.repository"
    "attribute.repository_id"       = "assertion.repository_id"
    "attribute.repository_owner_id" = "assertion.repository_owner_id"
    "attribute.event_name"          = "assertion.event_name"
    "attribute.ref"                 = "assertion.ref"
  }
}

module "github_plan" {
  source  = "terraform-google-modules/github-actions-runners/google//modules/gh-oidc"
  version = "5.1.0"

  project_id          = var.project_id
  pool_id             = var.plan_pool_id
  pool_display_name   = "GitHub plan"
  provider_id         = "github"
  attribute_mapping   = local.github_attributes
  attribute_condition = var.plan_attribute_condition

  # principalSet on this repository only; never a "*" binding.
  sa_mapping = {
    plan = {
      sa_name   = google_service_account.plan.name
      attribute = var.repository_principal_attribute
    }
  }

  depends_on = [google_project_service.enabled]
}

module "github_apply" {
  source  = "terraform-google-modules/github-actions-runners/google//modules/gh-oidc"
  version = "5.1.0"

  project_id          = var.project_id
  pool_id             = var.apply_pool_id
  pool_display_name   = "GitHub apply"
  provider_id         = "github"
  attribute_mapping   = merge(local.github_attributes, { "attribute.environment" = "assertion.environment" })
  attribute_condition = var.apply_attribute_condition

  sa_mapping = {
    apply = {
      sa_name   = google_service_account.apply.name
      attribute = var.repository_principal_attribute
    }
  }

  depends_on = [google_project_service.enabled]
}

module "github_drift" {
  source  = "terraform-google-modules/github-actions-runners/google//modules/gh-oidc"
  version = "5.1.0"

  project_id          = var.project_id
  pool_id             = var.drift_pool_id
  pool_display_name   = "GitHub drift"
  provider_id         = "github"
  attribute_mapping   = local.github_attributes
  attribute_condition = var.drift_attribute_condition

  sa_mapping = {
    drift = {
      sa_name   = google_service_account.drift.name
      attribute = var.repository_principal_attribute
    }
  }

  depends_on = [google_project_service.enabled]
}
