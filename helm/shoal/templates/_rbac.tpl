{{/*
What the Kubernetes compute driver does in the nodes' namespace, and nothing more: each node is a Pod (datastore
and guest agent) with a PersistentVolumeClaim, a headless Service, a Secret (its node secret and broker account)
and a NetworkPolicy (its security group); a node's group has a headless and a writer Service. Secrets are never
listed: the driver knows each node's by name. Secrets and NetworkPolicies are written whole (update), a Pod's and a
claim's labels and size patched.
*/}}
{{- define "shoal.computeDriverRules" -}}
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list, watch, create, delete, patch]
- apiGroups: [""]
  resources: [persistentvolumeclaims]
  verbs: [get, list, create, delete, patch]
- apiGroups: [""]
  resources: [services]
  verbs: [get, list, create, delete, patch]
- apiGroups: [""]
  resources: [secrets]
  verbs: [get, create, update, delete, patch]
- apiGroups: [networking.k8s.io]
  resources: [networkpolicies]
  verbs: [get, list, create, update, delete, patch]
{{- end -}}
