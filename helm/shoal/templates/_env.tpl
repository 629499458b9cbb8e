{{/*
The database and broker settings every process reads (see each service's application.properties). Credentials
come only from Secrets: the broker's are Spring's own spring.rabbitmq.* properties, which apply because
SHOAL_AMQP_URI carries none (a password in a URI would also need escaping).
*/}}
{{- define "shoal.databaseEnv" -}}
{{- $pg := .Values.postgresql -}}
- name: SHOAL_DB_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s%s" $pg.host $pg.port $pg.database (ternary (printf "?%s" $pg.parameters) "" (ne $pg.parameters "")) | quote }}
{{ include "shoal.secretEnv" (dict "name" "SHOAL_DB_USER" "ref" $pg.usernameSecret) }}
{{ include "shoal.secretEnv" (dict "name" "SHOAL_DB_PASSWORD" "ref" $pg.passwordSecret) }}
{{- end -}}

{{- define "shoal.brokerEnv" -}}
{{- $mq := .Values.rabbitmq -}}
- name: SHOAL_AMQP_URI
  value: {{ printf "%s://%s:%v" (ternary "amqps" "amqp" $mq.tls) $mq.host $mq.port | quote }}
- name: SPRING_RABBITMQ_VIRTUAL_HOST
  value: {{ $mq.vhost | quote }}
{{ include "shoal.secretEnv" (dict "name" "SPRING_RABBITMQ_USERNAME" "ref" $mq.usernameSecret) }}
{{ include "shoal.secretEnv" (dict "name" "SPRING_RABBITMQ_PASSWORD" "ref" $mq.passwordSecret) }}
{{- end -}}

{{- define "shoal.secretsKeyEnv" -}}
{{- $keys := .Values.secretsKey -}}
{{ include "shoal.secretEnv" (dict "name" "SHOAL_SECRETS_KEY" "ref" $keys.secret) }}
{{- with $keys.keyId }}
- name: SHOAL_SECRETS_KEY_ID
  value: {{ . | quote }}
{{- end }}
{{- if $keys.previousKeysSecret.name }}
{{ include "shoal.secretEnv" (dict "name" "SHOAL_SECRETS_PREVIOUS_KEYS" "ref" $keys.previousKeysSecret) }}
{{- end }}
{{- end -}}

{{/* The management URL the task manager creates node broker accounts through. */}}
{{- define "shoal.brokerManagementUrl" -}}
{{- $mq := .Values.rabbitmq -}}
{{- $mq.management.url | default (printf "http://%s:%v" $mq.host $mq.management.port) -}}
{{- end -}}

{{- define "shoal.taskmanagerEnv" -}}
{{- $admin := .Values.rabbitmq.management -}}
- name: SHOAL_TASKMANAGER_BROKERADMIN_URL
  value: {{ include "shoal.brokerManagementUrl" . | quote }}
{{- if $admin.usernameSecret.name }}
{{ include "shoal.secretEnv" (dict "name" "SHOAL_TASKMANAGER_BROKERADMIN_USERNAME" "ref" $admin.usernameSecret) }}
{{- end }}
{{- if $admin.passwordSecret.name }}
{{ include "shoal.secretEnv" (dict "name" "SHOAL_TASKMANAGER_BROKERADMIN_PASSWORD" "ref" $admin.passwordSecret) }}
{{- end }}
{{- /* where the Kubernetes compute driver places nodes: the namespace its Role is granted in */}}
- name: SHOAL_COMPUTE_KUBERNETES_NAMESPACE
  value: {{ include "shoal.nodesNamespace" . | quote }}
- name: SHOAL_COMPUTE_DRIVER
  value: {{ .Values.nodes.driver | quote }}
{{- range $datastore, $image := .Values.nodes.images }}
- name: SHOAL_COMPUTE_KUBERNETES_IMAGES_{{ upper $datastore }}
  value: {{ include "shoal.image" (dict "root" $ "image" $image) | quote }}
{{- end }}
{{- with .Values.nodes.storageClass }}
- name: SHOAL_COMPUTE_KUBERNETES_STORAGECLASS
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* shoal.serviceEnv (dict "root" $ "component" "api"): what each service's container gets. */}}
{{- define "shoal.serviceEnv" -}}
{{- $root := .root -}}
{{- $values := index $root.Values .component -}}
- name: {{ index (dict "api" "SHOAL_PORT" "taskmanager" "SHOAL_TASKMANAGER_PORT" "conductor" "SHOAL_CONDUCTOR_PORT") .component }}
  value: {{ $values.port | quote }}
# the migration Job owns the schema; the services only validate it
- name: SHOAL_DB_MIGRATE
  value: "false"
- name: JAVA_TOOL_OPTIONS
  value: {{ $root.Values.jvmOptions | quote }}
{{- if eq $root.Values.logFormat "json" }}
# Spring Boot's structured logging, in the Elastic Common Schema
- name: SHOAL_LOG_FORMAT
  value: ecs
{{- end }}
{{ include "shoal.databaseEnv" $root }}
{{ include "shoal.brokerEnv" $root }}
{{ include "shoal.secretsKeyEnv" $root }}
{{- if $root.Values.monitoring.serviceMonitor.enabled }}
- name: MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE
  value: health,prometheus
{{- end }}
{{- if and (eq .component "api") $values.bootstrapTokenSecret.name }}
{{ include "shoal.secretEnv" (dict "name" "SHOAL_BOOTSTRAP_TOKEN" "ref" $values.bootstrapTokenSecret) }}
{{- end }}
{{- if eq .component "taskmanager" }}
{{ include "shoal.taskmanagerEnv" $root }}
{{- end }}
{{- with $values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}
