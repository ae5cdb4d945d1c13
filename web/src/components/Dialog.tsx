import { Modal, type ModalRootProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

/**
 * A titled modal that passes axe: Mantine's `<Modal title>` renders its header as a `<header>`
 * portalled to the body, a second banner landmark beside the page's own, and its close button has
 * no name. Here the header is a plain div, the title names the dialog, and the close button says
 * what it does.
 */
export function Dialog({
  opened,
  onClose,
  title,
  children,
  ...rest
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
} & Omit<ModalRootProps, 'opened' | 'onClose' | 'title' | 'children'>) {
  const { t } = useI18n();
  return (
    <Modal.Root opened={opened} onClose={onClose} {...rest}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('app.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
