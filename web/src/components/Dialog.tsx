import { Modal, type ModalRootProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

const closeLabel = { nl: 'Sluiten', en: 'Close' } as const;

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
  const { locale } = useI18n();
  return (
    <Modal.Root opened={opened} onClose={onClose} {...rest}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={closeLabel[locale]} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
