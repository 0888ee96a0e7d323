import { Button, type ButtonProps, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";

interface ListTableProps<T> {
  /** null while the list is loading: nothing is shown until it arrives. */
  items: T[] | null;
  /** Shown instead of an empty table; without it an empty list still gets its table. */
  empty?: string;
  emptyTestId?: string;
  testId: string;
  minWidth: number;
  caption?: ReactNode;
  columns: string[];
  verticalSpacing?: "xs" | "sm";
  row: (item: T) => ReactNode;
}

/**
 * The lists of the account and admin pages: a scrollable table whose header cells are scoped
 * columns (screen readers announce them with each cell), or a sentence when there is nothing.
 */
export function ListTable<T>({
  items,
  empty,
  emptyTestId,
  testId,
  minWidth,
  caption,
  columns,
  verticalSpacing = "sm",
  row,
}: ListTableProps<T>) {
  if (!items) return null;
  if (items.length === 0 && empty !== undefined) {
    return <Text data-testid={emptyTestId}>{empty}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table
        captionSide={caption === undefined ? undefined : "top"}
        verticalSpacing={verticalSpacing}
        data-testid={testId}
      >
        {caption !== undefined && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map(row)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface RowActionProps {
  label: string;
  /** Names the row too, since a column of identical "Remove" buttons is ambiguous when heard. */
  ariaLabel: string;
  onClick: () => void;
  testId: string;
  loading?: boolean;
  color?: ButtonProps["color"];
}

/** A small button acting on one row of a ListTable. */
export function RowAction({ label, ariaLabel, onClick, testId, loading, color }: RowActionProps) {
  return (
    <Button
      size="xs"
      variant="default"
      color={color}
      loading={loading}
      aria-label={ariaLabel}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
