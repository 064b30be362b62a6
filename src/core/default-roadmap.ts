import { newNoteId } from "./slug.js";

/** Where `learn init` puts the default roadmap, relative to notes/. */
export const DEFAULT_ROADMAP_PATH = "roadmap/roadmap.md";

/**
 * The roadmap note `learn init` writes into a new workspace: the default pack's four domains,
 * each item with a stable id (the same ids as the bundled sample roadmap) and the roles that
 * need it, so `learn readiness` measures something from the first day.
 */
export function defaultRoadmapText(today: string, id = newNoteId()): string {
  return `---
id: ${id}
title: Backend and AI infrastructure roadmap
type: roadmap
status: seedling
visibility: private
domain: core-backend
roles: [backend, cloud, data, ai-api, production-infrastructure]
tags: [roadmap]
summary: The skills this workspace measures readiness against, by domain, with the roles that need each one.
published: ${today}
updated: ${today}
covers: []
---

# Backend and AI infrastructure roadmap

## What this is

The list \`learn readiness\` measures you against. Each bullet is one skill: its
name, its id in round brackets (stable: notes name it in \`covers:\`), the roles
that need it in square brackets, and what knowing it looks like. A role named
on a section heading needs every item of that section; \`:2\` counts an item
twice. Edit the wording freely, add items with new ids, and keep the ids you
already use.

An item climbs a ladder: a note covers it, a public note explains it with a
checklist in progress, you use it in a real build (\`learn used\`), and you
revisit that note soon after the build.

## Core backend (core-backend) [backend]

- HTTP fundamentals (http-fundamentals) [ai-api]: read a request and a response end to end: methods, status codes, headers, caching and keep-alive.
- API contracts (api-contracts) [ai-api]: design resources, versions, pages and error bodies, and write them down as a schema clients can trust.
- Python services (python-services): run a typed ASGI service with health checks, structured logs, clean shutdown and fast tests.
- Data access (data-access) [data]: model tables, choose isolation levels, read query plans, migrate without long locks, pool connections.
- Operational hygiene (operational-hygiene) [production-infrastructure]: pinned builds, one test command, golden-signal dashboards and runbooks.

## Cloud and deployment (cloud-deployment) [cloud, production-infrastructure]

- Container platforms (container-platforms): small non-root images on a managed runtime with health checks, scaling limits and safe rollouts.
- Managed Postgres (managed-postgres) [data]: size it, cap connections, test backups and point-in-time restore, know what the provider covers.
- Object storage (object-storage) [data]: keep files in buckets, hand out presigned URLs, expire old objects, keep big uploads off the API.
- Queues (queues) [data]: move slow work off the request path with retries, backoff, visibility timeouts and a dead-letter queue.
- Kubernetes when justified (kubernetes-when-justified): speak its vocabulary and recognise when a simpler platform is no longer enough.

## AI infrastructure (ai-infrastructure)

- LLM API integration (llm-api-integration) [ai-api:2]: call hosted models with deadlines, retries, budgets, fallbacks, streaming and cost tracking.
- GPU inference concepts (gpu-inference-concepts) [production-infrastructure]: cold starts, batching, memory limits, throughput against latency, self-hosting against an API.
- Model registry vocabulary (model-registry-vocabulary) [ai-api]: versions, aliases, lineage and artifacts, so a deploy pins an exact model.
- Media pipeline stages (media-pipeline-stages) [ai-api]: ingest, validate, preprocess, infer, post-process and deliver, each retried and measured alone.

## Security and reliability (security-reliability) [backend, cloud, production-infrastructure]

- Secrets out of source (secrets-out-of-source): secrets come from a manager or the platform, never from git, images or logs, and rotate without a deploy.
- Least privilege (least-privilege): every service and person holds only the permissions the job needs, reviewed when it changes.
- Logs without private data (logs-without-private-data): logs carry request ids and outcomes, never tokens, passwords or personal data.
- Timeouts and error policies (timeouts-and-error-policies) [ai-api]: every outbound call has a deadline, retries are bounded, errors have one shape.
- Rollback paths (rollback-paths): every deploy, migration and config change has a rehearsed way back measured in minutes.

## The weekly loop

1. Pick one domain.
2. Write one public, transferable note.
3. Add one checklist.
4. Link it to a role-readiness group.
5. Revisit it after using the concept in a real build.
`;
}
