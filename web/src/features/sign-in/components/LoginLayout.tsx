import { Center, Container, Image, Paper, Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useLoginInfo } from '../api';

/** The frame around sign-in and password pages: the corporation's name and logo, one card. */
export function LoginLayout({ title, children }: { title: string; children: ReactNode }) {
  const info = useLoginInfo().data;
  const orgName = info?.organisation.name ?? 'achtplus';
  useEffect(() => {
    document.title = `${title} · ${orgName}`;
  }, [title, orgName]);
  return (
    <Container component="main" size={460} py={48}>
      <Stack gap="lg">
        <Center>
          <Stack align="center" gap="xs">
            {info?.organisation.logoUrl && (
              <Image src={info.organisation.logoUrl} alt={orgName} h={56} w="auto" fit="contain" />
            )}
            <Title order={1} size="h2" ta="center">
              {orgName}
            </Title>
          </Stack>
        </Center>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Title order={2} size="h3" mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Stack>
    </Container>
  );
}
