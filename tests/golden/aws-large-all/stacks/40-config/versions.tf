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
  }
}
