/**
 * Every event the audit trail knows, as a typed union (P1.3, P5.21): who did what to which object.
 * `data` never holds a personal value — only codes, counts, field names and stated reasons.
 */
export type AuditEvent =
  | { type: 'session.signed_in'; objectType: 'user'; objectId: string; data: Record<string, never> }
  | {
      type: 'session.sign_in_failed';
      objectType: 'user';
      objectId: string;
      data: { reason: 'bad_credentials' | 'throttled' | 'disabled' };
    }
  | { type: 'session.signed_out'; objectType: 'user'; objectId: string; data: { reason: 'sign_out' } }
  | { type: 'user.created'; objectType: 'user'; objectId: string; data: { role: string; scope: AuditScope } }
  | { type: 'user.disabled'; objectType: 'user'; objectId: string; data: Record<string, never> }
  | { type: 'user.password_set'; objectType: 'user'; objectId: string; data: Record<string, never> }
  | { type: 'apikey.created'; objectType: 'apikey'; objectId: string; data: { name: string; scope: AuditScope } }
  | { type: 'apikey.revoked'; objectType: 'apikey'; objectId: string; data: { name: string } }
  | {
      type: 'application.submitted';
      objectType: 'application';
      objectId: string;
      data: { status: string; errorCodes: string[] };
    }
  | { type: 'item.viewed'; objectType: 'item'; objectId: string; data: Record<string, never> }
  | { type: 'customer.viewed'; objectType: 'customer'; objectId: string; data: Record<string, never> }
  | {
      type: 'pii.revealed';
      objectType: 'customer';
      objectId: string;
      data: { field: string; reason: string; policyNo: string };
    }
  | {
      type: 'items.exported';
      objectType: 'items';
      objectId: string;
      data: { filter: Record<string, unknown>; count: number };
    }
  | {
      type: 'item.distributed';
      objectType: 'item';
      objectId: string;
      /** How the assignee was chosen: a routing rule (its id), the fallback, or by hand. */
      data: { assigneeId: number; by: 'rule' | 'fallback' | 'manual'; ruleId?: number; dueOn: string };
    }
  | {
      type: 'item.reassigned';
      objectType: 'item';
      objectId: string;
      data: { fromAssigneeId: number | null; toAssigneeId: number };
    }
  | { type: 'item.work_recorded'; objectType: 'item'; objectId: string; data: { kind: string } }
  | {
      type: 'evidence.uploaded';
      objectType: 'item';
      objectId: string;
      data: { evidenceId: number; kind: string; mediaType: string; size: number; sha256: string };
    }
  | { type: 'evidence.downloaded'; objectType: 'item'; objectId: string; data: { evidenceId: number } }
  | {
      type: 'item.correction_submitted';
      objectType: 'item';
      objectId: string;
      /** Field paths changed, never their values; the submission that holds them, if accepted. */
      data: {
        policyNo: string;
        fields: string[];
        accepted: boolean;
        submissionId: number | null;
        errorCodes: string[];
      };
    }
  | {
      type: 'item.submitted';
      objectType: 'item';
      objectId: string;
      data: { resolution: string; legitimateReason: string | null };
    }
  | { type: 'item.verified'; objectType: 'item'; objectId: string; data: { decision: 'accept' | 'return' } }
  | { type: 'item.compliance_action'; objectType: 'item'; objectId: string; data: { action: string } }
  | {
      type: 'item.escalated';
      objectType: 'item';
      objectId: string;
      data: { dueOn: string; notifiedUserIds: number[] };
    }
  | {
      type: 'distribution.rules_changed';
      objectType: 'distribution_rules';
      objectId: string;
      data: { added: number[]; retired: number[] };
    }
  | { type: 'commission_holds.exported'; objectType: 'commission_holds'; objectId: string; data: { count: number } }
  | {
      type: 'import.uploaded';
      objectType: 'import_batch';
      objectId: string;
      data: { lines: number; accepted: number; rejected: number; unchanged: number; malformed: number };
    }
  | { type: 'import.rejections_exported'; objectType: 'import_batch'; objectId: string; data: { count: number } }
  | { type: 'user.email_set'; objectType: 'user'; objectId: string; data: Record<string, never> }
  | {
      type: 'scan.ran';
      objectType: 'scan';
      objectId: string;
      data: { asOf: string; mode: string; itemsRaised: number };
    };

export type AuditEventType = AuditEvent['type'];

export interface AuditScope {
  branches: string[];
  channels: string[];
}

/** Who acted: a member of staff, a core system's key, or Veracity itself (the scheduler). */
export interface AuditActor {
  kind: 'user' | 'apikey' | 'system';
  /** Username, key name, or the job's name. */
  name: string;
}

/** What every mutation carries (DESIGN.md: actor, request id, ip). */
export interface AuditContext {
  actor: AuditActor;
  requestId?: string;
  ip?: string;
}

export const SYSTEM_CONTEXT: AuditContext = { actor: { kind: 'system', name: 'veracity' } };
