{{/* Chart name, overridable. */}}
{{- define "zt-ix.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Prefix of every resource name. */}}
{{- define "zt-ix.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels of every resource; pass (dict "ctx" $ "component" "operator"). */}}
{{- define "zt-ix.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: zt-ix
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
{{ include "zt-ix.selectorLabels" . }}
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels that select a component's pods; pass (dict "ctx" $ "component" "operator"). */}}
{{- define "zt-ix.selectorLabels" -}}
app.kubernetes.io/name: {{ include "zt-ix.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "zt-ix.operator.fullname" -}}
{{- printf "%s-operator" (include "zt-ix.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "zt-ix.portal.fullname" -}}
{{- printf "%s-portal" (include "zt-ix.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "zt-ix.operator.serviceAccountName" -}}
{{- default (include "zt-ix.operator.fullname" .) .Values.operator.serviceAccount.name -}}
{{- end -}}

{{- define "zt-ix.portal.serviceAccountName" -}}
{{- default (include "zt-ix.portal.fullname" .) .Values.portal.serviceAccount.name -}}
{{- end -}}

{{/* The Kubernetes user name of a service account, as admission requests carry it. */}}
{{- define "zt-ix.operator.userName" -}}
{{- printf "system:serviceaccount:%s:%s" .Release.Namespace (include "zt-ix.operator.serviceAccountName" .) -}}
{{- end -}}

{{- define "zt-ix.portal.userName" -}}
{{- printf "system:serviceaccount:%s:%s" .Release.Namespace (include "zt-ix.portal.serviceAccountName" .) -}}
{{- end -}}

{{- define "zt-ix.operator.leaseNamespace" -}}
{{- default .Release.Namespace .Values.operator.leaderElection.leaseNamespace -}}
{{- end -}}

{{/* Namespaces where the operator may read Secrets (one per line). */}}
{{- define "zt-ix.operator.secretNamespaces" -}}
{{- $namespaces := .Values.operator.watchNamespaces | default .Values.operator.secretNamespaces | default (list .Release.Namespace) -}}
{{- range $namespaces | uniq }}
{{ . }}
{{- end -}}
{{- end -}}

{{- define "zt-ix.portal.resourceNamespace" -}}
{{- default .Release.Namespace .Values.portal.resourceNamespace -}}
{{- end -}}

{{/* image: repository:tag (tag defaults to the appVersion); pass (dict "ctx" $ "image" .Values.operator.image). */}}
{{- define "zt-ix.image" -}}
{{- printf "%s:%s" .image.repository (default .ctx.Chart.AppVersion .image.tag) -}}
{{- end -}}

{{/* Restricted Pod Security: the pod part. */}}
{{- define "zt-ix.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 185
runAsGroup: 185
fsGroup: 185
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Restricted Pod Security: the container part. */}}
{{- define "zt-ix.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Liveness, readiness and startup probes on the Quarkus health endpoints of port "http". */}}
{{- define "zt-ix.quarkusProbes" -}}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  periodSeconds: 5
  failureThreshold: 36
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: 10
  failureThreshold: 3
{{- end -}}

{{/*
JAVA_OPTS_APPEND of a container: the options the images set themselves (replaced by this variable) plus the
configured ones; pass the configured string.
*/}}
{{- define "zt-ix.javaOpts" -}}
{{- printf "-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Djava.io.tmpdir=/tmp %s" . | trim -}}
{{- end -}}

{{/* Prometheus scrape annotations for /q/metrics on port 8080. */}}
{{- define "zt-ix.scrapeAnnotations" -}}
{{- if .Values.metrics.scrapeAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: "8080"
prometheus.io/path: /q/metrics
{{- end }}
{{- end -}}

{{/*
The portal's database connection as the runtime role (QUARKUS_DATASOURCE_*); the migration init container uses it
too (its user name is the role the migrations grant to). Secrets are only referenced (secretKeyRef).
*/}}
{{- define "zt-ix.portal.databaseEnv" -}}
- name: QUARKUS_DATASOURCE_JDBC_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.portal.database.existingSecret }}
      key: {{ .Values.portal.database.jdbcUrlKey }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.portal.database.existingSecret }}
      key: {{ .Values.portal.database.usernameKey }}
{{- end -}}

{{/*
The portal's environment, in one place. Every name is a configuration property of the portal: helm/src/test
(ChartEnvironmentMatchesConfigTest) checks them against the properties the running portal knows. Secrets are
only referenced (secretKeyRef), never rendered from values.
*/}}
{{- define "zt-ix.portal.env" -}}
- name: ZTIX_PORTAL_NAMESPACE
  value: {{ include "zt-ix.portal.resourceNamespace" . | quote }}
- name: ZTIX_PORTAL_EXTERNAL_URL
  value: {{ .Values.portal.externalUrl | quote }}
{{ include "zt-ix.portal.databaseEnv" . }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.portal.database.existingSecret }}
      key: {{ .Values.portal.database.passwordKey }}
{{- if .Values.portal.database.migration.existingSecret }}
- name: QUARKUS_FLYWAY_MIGRATE_AT_START
  value: "false"
{{- end }}
- name: ZTIX_SESSION_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.portal.sessionSecrets.existingSecret }}
      key: {{ .Values.portal.sessionSecrets.sessionKey }}
- name: ZTIX_OIDC_STATE_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.portal.sessionSecrets.existingSecret }}
      key: {{ .Values.portal.sessionSecrets.oidcStateKey }}
- name: ZTIX_TOKEN_ENCRYPTION_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.portal.sessionSecrets.existingSecret }}
      key: {{ .Values.portal.sessionSecrets.tokenEncryptionKey }}
{{- with .Values.portal.sessionSecrets.previousTokenEncryptionKeys }}
- name: ZTIX_TOKEN_ENCRYPTION_PREVIOUS_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.portal.sessionSecrets.existingSecret }}
      key: {{ . }}
{{- end }}
- name: QUARKUS_OIDC_AUTH_SERVER_URL
  value: {{ .Values.portal.oidc.authServerUrl | quote }}
- name: QUARKUS_OIDC_CLIENT_ID
  value: {{ .Values.portal.oidc.clientId | quote }}
- name: QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME
  value: {{ hasPrefix "https://" .Values.portal.externalUrl | quote }}
{{- with .Values.portal.trustedProxies }}
- name: QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING
  value: "true"
- name: QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED
  value: "true"
- name: QUARKUS_HTTP_PROXY_TRUSTED_PROXIES
  value: {{ join "," . | quote }}
{{- end }}
- name: QUARKUS_OIDC_CREDENTIALS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.portal.oidc.clientSecret.existingSecret }}
      key: {{ .Values.portal.oidc.clientSecret.key }}
{{- if .Values.portal.peeringdbApiKey.existingSecret }}
- name: ZTIX_PEERINGDB_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.portal.peeringdbApiKey.existingSecret }}
      key: {{ .Values.portal.peeringdbApiKey.key }}
{{- end }}
{{- if .Values.lookingGlass.enabled }}
- name: ZTIX_PORTAL_LOOKING_GLASS_URL
  value: {{ printf "http://%s-lookingglass.%s.svc:%v" (include "zt-ix.operator.fullname" .) .Release.Namespace .Values.lookingGlass.port | quote }}
{{- with .Values.lookingGlass.token.existingSecret }}
- name: ZTIX_PORTAL_LOOKING_GLASS_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.lookingGlass.token.key }}
{{- end }}
{{- end }}
- name: ZTIX_PORTAL_MIN_PERMS
  value: {{ .Values.portal.minPerms | quote }}
- name: ZTIX_PORTAL_WITHDRAW_APPROVED_PERMS
  value: {{ .Values.portal.withdrawApprovedPerms | quote }}
- name: ZTIX_PORTAL_QUOTA_PER_USER
  value: {{ .Values.portal.quota.perUser | quote }}
- name: ZTIX_PORTAL_QUOTA_PER_ASN
  value: {{ .Values.portal.quota.perAsn | quote }}
- name: ZTIX_PORTAL_QUOTA_PER_NETWORK
  value: {{ .Values.portal.quota.perNetwork | quote }}
{{- include "zt-ix.portal.notificationsEnv" . }}
{{- with .Values.portal.adminPeeringDbUserIds }}
- name: ZTIX_PORTAL_ADMIN_PEERINGDB_IDS
  value: {{ join "," . | quote }}
{{- end }}
- name: ZTIX_BRANDING_NAME
  value: {{ .Values.portal.branding.ixName | quote }}
{{- with .Values.portal.branding.logoUrl }}
- name: ZTIX_BRANDING_LOGO_URL
  value: {{ . | quote }}
{{- end }}
{{- with .Values.portal.branding.supportEmail }}
- name: ZTIX_BRANDING_SUPPORT_URL
  value: {{ printf "mailto:%s" . | quote }}
{{- end }}
- name: QUARKUS_LOG_LEVEL
  value: {{ .Values.portal.logLevel | quote }}
- name: JAVA_OPTS_APPEND
  value: {{ include "zt-ix.javaOpts" .Values.portal.javaOpts | quote }}
{{- with .Values.portal.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}
