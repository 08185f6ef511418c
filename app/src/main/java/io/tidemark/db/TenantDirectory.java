package io.tidemark.db;

import io.tidemark.core.Tenant;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.TenantModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a platform's tenants and their settings rows, through the names the profile gives. */
public final class TenantDirectory {

    private final PlatformDatabase db;
    private final TenantModel model;

    public TenantDirectory(PlatformDatabase db, TenantModel model) {
        this.db = db;
        this.model = model;
    }

    /** Every tenant, by name. */
    public List<Tenant> tenants() {
        String sql = "SELECT " + SqlNames.quote(model.idColumn()) + ", " + SqlNames.quote(model.nameColumn()) + ", "
                + activeExpression() + " FROM " + SqlNames.quote(model.table()) + " ORDER BY 2";
        List<Tenant> tenants = new ArrayList<>();
        try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                tenants.add(new Tenant(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
            }
        } catch (SQLException e) {
            throw new TidemarkException("Cannot read the tenants from " + model.table() + ": " + e.getMessage(), e);
        }
        return tenants;
    }

    /** A tenant's settings rows: setting name to its JSON text. */
    public Map<String, String> settings(long tenantId) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (model.configTable() == null) {
            return settings;
        }
        String sql = "SELECT " + SqlNames.quote(model.configNameColumn()) + ", " + SqlNames.quote(model.configValueColumn())
                + " FROM " + SqlNames.quote(model.configTable()) + " WHERE " + SqlNames.quote(model.configTenantColumn())
                + " = ? ORDER BY 1";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new TidemarkException("Cannot read the settings of tenant " + tenantId + ": " + e.getMessage(), e);
        }
        return settings;
    }

    private String activeExpression() {
        // The monitoring platform flags tenants with is_active; a profile's tenant table may not have the column.
        try (Connection c = db.connection();
             ResultSet rs = c.getMetaData().getColumns(null, null, model.table(), "is_active")) {
            return rs.next() ? SqlNames.quote("is_active") : "1 = 1";
        } catch (SQLException e) {
            return "1 = 1";
        }
    }
}
