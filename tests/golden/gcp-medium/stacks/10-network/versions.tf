terraform {
  required_version = ">= 1.11"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 7.17"
    }
  }
}

# Credentials come from the environment: the administrator's gcloud login for
# bootstrap, Workload Identity Federation (google-github-actions/auth) in CI.
provider "google" {
  project        = var.project_id
  region         = var.region
  default_labels = var.labels
}
