import type { TImportProblem } from '@contracts';
import { Alert, Table } from '@mantine/core';
import { formatNumber } from '../../../lib/format';
import { useTexts } from '../texts';

/** Every problem of a file, by line and column, in a table that scrolls on its own. */
export function ImportProblems({ problems }: { problems: TImportProblem[] }) {
  const x = useTexts();
  if (problems.length === 0)
    return (
      <Alert color="green" role="status">
        {x.imports.noProblems}
      </Alert>
    );
  return (
    <Alert color="red" title={`${x.imports.problems}: ${formatNumber(problems.length)}`} role="alert">
      <Table.ScrollContainer
        minWidth={400}
        maxHeight={360}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={x.imports.problems}
      >
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{x.imports.line}</Table.Th>
              <Table.Th scope="col">{x.imports.column}</Table.Th>
              <Table.Th scope="col">{x.imports.message}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((p) => (
              <Table.Tr key={`${p.line}-${p.column}-${p.message}`}>
                <Table.Td>{p.line}</Table.Td>
                <Table.Td>{p.column ?? '–'}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}
