{{/* Names are <release>-shoal-<component>, cut to the 63 characters a label value (a Job's name is one) allows. */}}
{{- define "shoal.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* shoal.componentName (dict "root" $ "component" "api") */}}
{{- define "shoal.componentName" -}}
{{- printf "%s-%s" (include "shoal.fullname" .root | trunc 49 | trimSuffix "-") .component -}}
{{- end -}}

{{- define "shoal.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "shoal.labels" -}}
{{ include "shoal.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* shoal.componentSelectorLabels (dict "root" $ "component" "api"), and shoal.componentLabels likewise */}}
{{- define "shoal.componentSelectorLabels" -}}
{{ include "shoal.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "shoal.componentLabels" -}}
{{ include "shoal.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* shoal.image (dict "root" $ "image" .Values.api.image): the tag defaults to the chart's appVersion. */}}
{{- define "shoal.image" -}}
{{- $tag := .image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- $registry := .root.Values.image.registry | trimSuffix "/" -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "shoal.nodesNamespace" -}}
{{- .Values.nodes.namespace | default .Release.Namespace -}}
{{- end -}}

{{- define "shoal.taskmanagerServiceAccount" -}}
{{- .Values.serviceAccount.name | default (include "shoal.componentName" (dict "root" . "component" "taskmanager")) -}}
{{- end -}}

{{/* An env entry read from a Secret: shoal.secretEnv (dict "name" "SHOAL_DB_USER" "ref" .Values.postgresql.usernameSecret) */}}
{{- define "shoal.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .ref.name | quote }}
      key: {{ .ref.key | quote }}
{{- end -}}
