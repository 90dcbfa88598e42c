/**
 * The preferences and the policy reader: a chunk of their own in the lazily loaded UI, fetched when a
 * visitor reaches for them (src/ui/dialogs.ts), not with the banner.
 */
import { RazylykPolicy } from './policy.js';
import { RazylykPolicyDialog } from './policy-dialog.js';
import { RazylykPreferences } from './preferences.js';
import { defineAll } from './registry.js';

export const DIALOG_ELEMENTS = {
  'razylyk-preferences': RazylykPreferences,
  'razylyk-policy': RazylykPolicy,
  'razylyk-policy-dialog': RazylykPolicyDialog,
} as const;

export const defineDialogs = (): string[] => defineAll(DIALOG_ELEMENTS);
