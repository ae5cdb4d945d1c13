import { Center, Container, Image, Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { api } from '../lib/api';

export interface LoginInfo {
  organisation: { name: string; logoUrl: string | null; primaryColor: string | null };
  demo: boolean;
  demoLogins: Array<{ email: string; label: string }>;
  demoPassword?: string;
  /** on a demo whose accounts may not sign in here: why not */
  demoSignInRefused?: string;
}

export function useLoginInfo() {
  return useQuery({
    queryKey: ['login-info'],
    queryFn: () => api.get<LoginInfo>('/api/public/login-info'),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

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
