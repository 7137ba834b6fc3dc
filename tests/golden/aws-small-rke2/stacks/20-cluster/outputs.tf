output "cluster_name" {
  description = "Cluster name."
  value       = var.name
}

output "kubeconfig_path" {
  description = "S3 path of the RKE2 kubeconfig (read by the workflow with the apply role)."
  value       = module.rke2.kubeconfig_path
}
