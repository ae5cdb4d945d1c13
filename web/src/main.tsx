import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { Badge, createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { LocalisedDates } from './components/DateField';
import { ApiError } from './lib/api';
import { I18nProvider } from './lib/i18n';
import { router } from './routes';

// shade 8 keeps white text on filled buttons and badges above WCAG AA contrast
// light badges: the tint tells the kind, the text stays dark (Mantine's tinted text is below 4.5:1)
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  defaultRadius: 'md',
  components: {
    Badge: Badge.extend({
      // a badge is a word or two: never cut it off with an ellipsis
      styles: { root: { minWidth: 'max-content' }, label: { overflow: 'visible', textOverflow: 'clip' } },
      vars: (_theme, props) =>
        props.variant === 'light' ? { root: { '--badge-color': 'var(--mantine-color-text)' } } : { root: {} },
    }),
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx will not change by asking again
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <LocalisedDates>
            <RouterProvider router={router} />
          </LocalisedDates>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
