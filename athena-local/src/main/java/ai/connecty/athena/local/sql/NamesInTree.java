package ai.connecty.athena.local.sql;

import io.trino.sql.tree.DefaultTraversalVisitor;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.NodeLocation;
import io.trino.sql.tree.QualifiedName;
import io.trino.sql.tree.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The names a statement's tree holds, with the {@code line:column} Trino gives them, so engine errors can point
 * where Trino would: table names, column references ({@code a}, {@code t.a}) and function names as written, and
 * every single part of them.
 */
final class NamesInTree {

    /** A name as written (its parts, original case) and the position of its first part. */
    record Name(List<String> parts, NodeLocation location) {

        String position() {
            return Positions.prefix(location);
        }

        String last() {
            return parts.get(parts.size() - 1);
        }
    }

    private static final Comparator<Name> BY_POSITION = Comparator
            .comparingInt((Name n) -> n.location().getLineNumber())
            .thenComparingInt(n -> n.location().getColumnNumber());

    private final List<Name> references = new ArrayList<>();
    private final List<Name> identifiers = new ArrayList<>();

    private NamesInTree() {
    }

    static NamesInTree of(Node tree) {
        NamesInTree names = new NamesInTree();
        if (tree != null) {
            names.collect(tree);
        }
        names.references.sort(BY_POSITION);
        names.identifiers.sort(BY_POSITION);
        return names;
    }

    /** The first whole reference (table, column, function name) whose last part is {@code lastPart}. */
    Optional<Name> reference(String lastPart) {
        return references.stream().filter(n -> n.last().equalsIgnoreCase(lastPart)).findFirst();
    }

    /** The first name part spelled {@code identifier} (case ignored). */
    Optional<Name> identifier(String identifier) {
        return identifiers.stream().filter(n -> n.last().equalsIgnoreCase(identifier)).findFirst();
    }

    private void collect(Node tree) {
        new DefaultTraversalVisitor<Void>() {
            @Override
            protected Void visitTable(Table node, Void context) {
                addQualified(node.getName());
                return null;
            }

            @Override
            protected Void visitFunctionCall(FunctionCall node, Void context) {
                addQualified(node.getName());
                return super.visitFunctionCall(node, context);
            }

            @Override
            protected Void visitIdentifier(Identifier node, Void context) {
                add(List.of(node));
                return null;
            }

            @Override
            protected Void visitDereferenceExpression(DereferenceExpression node, Void context) {
                List<Identifier> chain = chain(node);
                if (chain.isEmpty()) {
                    node.getField().ifPresent(f -> add(List.of(f)));
                    return super.visitDereferenceExpression(node, context);
                }
                add(chain);
                return null;
            }
        }.process(tree, null);
    }

    /** {@code a.b.c} as its identifiers, or empty when the base is no plain name. */
    private static List<Identifier> chain(Expression e) {
        if (e instanceof Identifier id) {
            return new ArrayList<>(List.of(id));
        }
        if (e instanceof DereferenceExpression d && d.getField().isPresent()) {
            List<Identifier> base = chain(d.getBase());
            if (!base.isEmpty()) {
                base.add(d.getField().get());
            }
            return base;
        }
        return List.of();
    }

    private void addQualified(QualifiedName name) {
        add(name.getOriginalParts());
    }

    private void add(List<Identifier> parts) {
        if (parts.isEmpty() || parts.get(0).getLocation().isEmpty()) {
            return;
        }
        references.add(new Name(parts.stream().map(Identifier::getValue).toList(), parts.get(0).getLocation().get()));
        for (Identifier part : parts) {
            part.getLocation().ifPresent(l -> identifiers.add(new Name(List.of(part.getValue()), l)));
        }
    }
}
