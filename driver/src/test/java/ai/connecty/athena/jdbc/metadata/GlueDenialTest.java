package ai.connecty.athena.jdbc.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Glue refusals mean "no Glue for this identity" and which refuse one database or table only. */
class GlueDenialTest {

    private static final String USER = "User: arn:aws:iam::123456789012:user/analyst is not authorized to perform: ";

    @Test
    void aRefusalOnTheCatalogIsForTheWholeCatalog() {
        assertThat(GlueDenial.isForTheCatalog(USER + "glue:GetTables on resource: "
                + "arn:aws:glue:eu-west-1:123456789012:catalog because no identity-based policy allows the "
                + "glue:GetTables action")).isTrue();
        assertThat(GlueDenial.isForTheCatalog(USER + "glue:GetDatabases on resource: "
                + "arn:aws:glue:us-east-1:123456789012:catalog")).isTrue();
        // Another partition's ARN has the same shape.
        assertThat(GlueDenial.isForTheCatalog(USER + "glue:GetTable on resource: "
                + "arn:aws-cn:glue:cn-north-1:123456789012:catalog with an explicit deny")).isTrue();
    }

    @Test
    void aRefusalOnADatabaseOrTableIsNot() {
        assertThat(GlueDenial.isForTheCatalog(USER + "glue:GetTables on resource: "
                + "arn:aws:glue:us-east-1:123456789012:database/secretdb with an explicit deny in an identity-based "
                + "policy")).isFalse();
        assertThat(GlueDenial.isForTheCatalog(USER + "glue:GetTables on resource: "
                + "arn:aws:glue:us-east-1:123456789012:table/secretdb/*")).isFalse();
        assertThat(GlueDenial.isForTheCatalog(USER + "glue:GetTable on resource: "
                + "arn:aws:glue:us-east-1:123456789012:table/sales/orders because no identity-based policy allows "
                + "the glue:GetTable action")).isFalse();
        assertThat(GlueDenial.isForTheCatalog(USER + "glue:GetDatabases on resource: "
                + "arn:aws:glue:us-east-1:123456789012:database/*")).isFalse();
    }

    /** Without a resource to read, the refusal may be for all of Glue: treated as the catalog's, as before. */
    @Test
    void aMessageWithoutAResourceIsTakenForTheCatalog() {
        assertThat(GlueDenial.isForTheCatalog(null)).isTrue();
        assertThat(GlueDenial.isForTheCatalog("")).isTrue();
        assertThat(GlueDenial.isForTheCatalog("Access denied")).isTrue();
        assertThat(GlueDenial.isForTheCatalog(USER + "glue:GetTables on resource: ")).isTrue();
        assertThat(GlueDenial.isForTheCatalog(USER + "glue:GetTables on resource: not-an-arn")).isTrue();
    }

    /** A resource of another shape (a federated child catalog) is no single database: as the catalog. */
    @Test
    void anotherResourceShapeIsTakenForTheCatalog() {
        assertThat(GlueDenial.isForTheCatalog(USER + "glue:GetTables on resource: "
                + "arn:aws:glue:us-east-1:123456789012:catalog/s3tablescatalog")).isTrue();
    }

    /** The resource is read wherever the marker is, also at the very start of a (shortened) message. */
    @Test
    void theMarkerIsFoundAtTheStartOfTheMessageToo() {
        assertThat(GlueDenial.isForTheCatalog("on resource: arn:aws:glue:us-east-1:123456789012:database/secretdb"))
                .isFalse();
        assertThat(GlueDenial.isForTheCatalog("on resource: arn:aws:glue:us-east-1:123456789012:catalog")).isTrue();
    }
}
