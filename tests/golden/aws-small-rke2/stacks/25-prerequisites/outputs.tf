output "namespaces" {
  description = "Namespaces of the platform components."
  value       = [for ns in kubernetes_namespace_v1.platform : ns.metadata[0].name]
}
