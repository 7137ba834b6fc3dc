terraform {
  required_version = ">= 1.11"

  required_providers {
    keycloak = {
      source  = "keycloak/keycloak"
      version = "~> 5.0"
    }
    vault = {
      source  = "hashicorp/vault"
      version = "~> 5.0"
    }
    harbor = {
      source  = "goharbor/harbor"
      version = "~> 3.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 3.0"
    }
  }
}

# Credentials come from the kubeconfig the workflow writes for this run
# (KUBE_CONFIG_PATH), obtained through Workload Identity Federation: none is stored.
provider "kubernetes" {}
