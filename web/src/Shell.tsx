import type { TPage, TRef } from '@contracts';
import {
  AppShell,
  Badge,
  Burger,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  SegmentedControl,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAdjustmentsHorizontal,
  IconBuildingCommunity,
  IconChartLine,
  IconFileImport,
  IconHome,
  IconKey,
  IconListCheck,
  IconLogout,
  IconMail,
  IconMessageCircle,
  IconSettings,
  IconShieldCheck,
  IconTool,
  IconUser,
  IconUserShield,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, Suspense, useEffect, useRef } from 'react';
import { Link, Navigate, Outlet, NavLink as RouterLink, useLocation, useNavigate } from 'react-router';
import { texts as surveyTexts } from './features/questionnaires/texts';
import { useLoginInfo } from './features/sign-in/api';
import { ApiError, api, v1 } from './lib/api';
import { type Locale, useI18n } from './lib/i18n';
import type { MessageKey } from './lib/i18n-nl';
import { can, jobsLabel, type Me, perspectiveOf, useMe } from './lib/me';
import { queryKeys } from './lib/query-keys';

interface NavItem {
  to: string;
  /** a key of the shared dictionaries, or the words of a part of the app that keeps its own */
  label: MessageKey | Record<Locale, string>;
  ability: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
}

/**
 * The main menu as the signed-in person's scope makes sense of it: a list that would only ever hold
 * one's own record becomes a link to that record, a list that would be empty is left out.
 */
function useMainNav(me: Me | undefined): NavItem[] {
  const perspective = me ? perspectiveOf(me) : 'organisation';
  // technicians and contractors see few or no employees: the API's answer decides the menu item
  const askEmployees = !!me && can(me, 'masterdata.read') && perspective !== 'organisation';
  const employees = useQuery({
    queryKey: queryKeys.employees.menu,
    queryFn: () => api.get<TPage<TRef>>(v1('/employees'), { pageSize: 2 }),
    enabled: askEmployees,
    staleTime: 5 * 60_000,
  });
  if (!me) return [];
  const items: NavItem[] = [
    { to: '/jobs', label: jobsLabel[perspective], ability: 'job.read', icon: IconTool },
    { to: '/dashboard', label: 'nav.dashboard', ability: 'metrics.read', icon: IconChartLine },
    { to: '/responses', label: 'nav.responses', ability: 'response.read', icon: IconMessageCircle },
    { to: '/teams', label: 'nav.teams', ability: 'masterdata.read', icon: IconUsersGroup },
  ];
  if (!askEmployees) {
    items.push({ to: '/employees', label: 'nav.employees', ability: 'masterdata.read', icon: IconUsers });
  } else if (employees.data && employees.data.total > 0) {
    const only = employees.data.total === 1 ? employees.data.items[0] : undefined;
    items.push(
      only && only.id === me.employeeId
        ? { to: `/employees/${only.id}`, label: 'nav.myDetails', ability: 'masterdata.read', icon: IconUser }
        : { to: '/employees', label: 'nav.employees', ability: 'masterdata.read', icon: IconUsers },
    );
  }
  items.push(
    perspective === 'contractor'
      ? {
          to: `/contractors/${me.contractorId}`,
          label: 'nav.ourCompany',
          ability: 'masterdata.read',
          icon: IconBuildingCommunity,
        }
      : {
          to: '/contractors',
          label: 'nav.contractors',
          ability: 'masterdata.read',
          icon: IconBuildingCommunity,
        },
    { to: '/units', label: 'nav.units', ability: 'masterdata.read', icon: IconHome },
  );
  return items;
}

const adminNav: NavItem[] = [
  { to: '/admin/users', label: 'nav.users', ability: 'user.manage', icon: IconUserShield },
  { to: '/admin/api-keys', label: 'nav.apiKeys', ability: 'api-key.manage', icon: IconKey },
  {
    to: '/admin/organisation',
    label: 'nav.organisation',
    ability: 'organisation.manage',
    icon: IconSettings,
  },
  { to: '/admin/imports', label: 'nav.imports', ability: 'import.run', icon: IconFileImport },
  { to: '/admin/outbox', label: 'nav.outbox', ability: 'outbox.read', icon: IconMail },
  { to: '/admin/audit-log', label: 'nav.audit', ability: 'audit.read', icon: IconShieldCheck },
];

const surveyNav: NavItem[] = [
  {
    to: '/questionnaires',
    label: { nl: surveyTexts.nl.questionnaires, en: surveyTexts.en.questionnaires },
    ability: 'questionnaire.read',
    icon: IconListCheck,
  },
  {
    to: '/survey-settings',
    label: { nl: surveyTexts.nl.surveySettings, en: surveyTexts.en.surveySettings },
    ability: 'survey-settings.manage',
    icon: IconAdjustmentsHorizontal,
  },
];

function NavSection({
  label,
  items,
  me,
  onNavigate,
}: {
  label: string;
  items: NavItem[];
  me: Me;
  onNavigate: () => void;
}) {
  const { t, locale } = useI18n();
  const { pathname } = useLocation();
  const visible = items.filter((i) => can(me, i.ability));
  if (visible.length === 0) return null;
  return (
    <nav aria-label={label}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4} aria-hidden>
        {label}
      </Text>
      {visible.map((i) => (
        <NavLink
          key={i.to}
          component={RouterLink}
          to={i.to}
          label={typeof i.label === 'string' ? t(i.label) : i.label[locale]}
          leftSection={<i.icon size={18} stroke={1.6} />}
          active={pathname === i.to || pathname.startsWith(`${i.to}/`)}
          onClick={onNavigate}
        />
      ))}
    </nav>
  );
}

/** The signed-in frame: header with language and sign-out, navigation by the policy's abilities. */
export function Shell() {
  const me = useMe();
  const mainNav = useMainNav(me.data);
  const location = useLocation();
  const { t, tv, locale, setLocale } = useI18n();
  const loginInfo = useLoginInfo().data;
  const orgName = loginInfo?.organisation.name ?? 'achtplus';
  const [opened, { toggle, close }] = useDisclosure();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const adoptedLocale = useRef(false);

  // the account's stored language wins once, on arrival
  useEffect(() => {
    if (me.data && !adoptedLocale.current) {
      adoptedLocale.current = true;
      if (me.data.locale && me.data.locale !== locale) setLocale(me.data.locale);
    }
  }, [me.data, locale, setLocale]);

  const saveLocale = useMutation({ mutationFn: (l: Locale) => api.patch(v1('/me'), { locale: l }) });
  const signOut = useMutation({
    mutationFn: () => api.post('/api/auth/sign-out'),
    onSettled: () => {
      queryClient.clear();
      navigate('/login', { replace: true });
    },
  });

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    return <Center h="100vh">{t('app.error')}</Center>;
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.menu')} />
            <Text component={Link} to="/" fw={700} size="lg" c="inherit" td="none">
              {orgName}
            </Text>
            {/* every page of the demo says so: its accounts share a published password */}
            {loginInfo?.demo && (
              <Badge color="yellow" autoContrast variant="filled" title={t('app.demoHint')}>
                {t('app.demo')}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {me.data.name}
            </Text>
            <div>
              <VisuallyHidden id="locale-label">{t('app.language')}</VisuallyHidden>
              <SegmentedControl
                size="xs"
                aria-labelledby="locale-label"
                value={locale}
                onChange={(v) => {
                  setLocale(v as Locale);
                  saveLocale.mutate(v as Locale);
                }}
                data={[
                  { value: 'nl', label: 'NL' },
                  { value: 'en', label: 'EN' },
                ]}
              />
            </div>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconLogout size={16} />}
              onClick={() => signOut.mutate()}
            >
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <NavSection label={t('app.mainNav')} items={mainNav} me={me.data} onNavigate={close} />
        <NavSection
          label={surveyTexts[locale].surveysNav}
          items={surveyNav}
          me={me.data}
          onNavigate={close}
        />
        <NavSection label={t('app.adminNav')} items={adminNav} me={me.data} onNavigate={close} />
        <Group mt="auto" p="sm" gap={6}>
          <Text size="xs" c="dimmed">
            {tv('role', me.data.role)}
          </Text>
        </Group>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label={t('app.loading')} />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
