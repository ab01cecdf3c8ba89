package ai.connecty.athena.jdbc.config;

import java.sql.DriverPropertyInfo;

/** {@code Driver.getPropertyInfo}: one entry per property, in registry order, secrets never filled in. */
public final class PropertyInfos {
    private PropertyInfos() {
    }

    public static DriverPropertyInfo[] describe(PropertySettings settings) {
        ConnectionProperty[] properties = ConnectionProperty.values();
        DriverPropertyInfo[] infos = new DriverPropertyInfo[properties.length];
        for (int i = 0; i < properties.length; i++) {
            ConnectionProperty property = properties[i];
            String value = property.isSecret() ? null
                    : settings.get(property).orElse(property.defaultValue().orElse(null));
            DriverPropertyInfo info = new DriverPropertyInfo(property.propertyName(), value);
            info.description = description(property);
            info.required = false;
            info.choices = choices(property);
            infos[i] = info;
        }
        return infos;
    }

    /** Tools such as DBeaver turn choices into a drop-down, so booleans offer their two values too. */
    private static String[] choices(ConnectionProperty property) {
        if (property.type() == PropertyType.BOOLEAN) {
            return new String[] {"true", "false"};
        }
        return property.choices().isEmpty() ? null : property.choices().toArray(new String[0]);
    }

    /** The registry description plus the aliases and, for properties not yet effective, a notice saying so. */
    static String description(ConnectionProperty property) {
        StringBuilder text = new StringBuilder(property.description());
        if (!property.aliases().isEmpty()) {
            text.append(" Also accepted as: ").append(String.join(", ", property.aliases())).append('.');
        }
        if (!property.isEffective()) {
            text.append(" Accepted; takes effect in a later release.");
        }
        return text.toString();
    }
}
