import { App, Typography } from 'antd';
import type { ReactNode } from 'react';
import i18n from '../i18n.ts';
import { errorText } from './formErrors.ts';

/**
 * The one feedback pattern of the web app: a success message after every save, approval,
 * submission or draw; a failure as one plain sentence (never a field path); and a
 * confirmation that names the person or the amount before every irreversible step.
 */
export interface Feedback {
  /** After a save, approval, submission or draw: the sentence says what happened. */
  done: (text: string) => void;
  /** A failure the page has no field for. */
  failed: (err: unknown) => void;
  /**
   * Asks before an irreversible step. `title` names the person or the amount; `warning`
   * (shown in red) is for what the user may not expect, such as a zero amount.
   * Resolves true when the user confirms.
   */
  confirm: (opts: { title: string; content?: ReactNode; warning?: string; okText?: string; danger?: boolean }) => Promise<boolean>;
}

export function useFeedback(): Feedback {
  const { message, modal } = App.useApp();
  return {
    done: (text) => void message.success(text),
    failed: (err) => void message.error(errorText(err)),
    confirm: ({ title, content, warning, okText, danger }) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title,
          content: (
            <>
              {content}
              {warning && (
                <Typography.Paragraph type="danger" strong style={{ marginTop: 8, marginBottom: 0 }} data-testid="confirm-warning">
                  {warning}
                </Typography.Paragraph>
              )}
            </>
          ),
          okText: okText ?? i18n.t('common:actions.confirm'),
          cancelText: i18n.t('common:actions.cancel'),
          okButtonProps: { danger },
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
  };
}
