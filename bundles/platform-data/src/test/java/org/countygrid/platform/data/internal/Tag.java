package org.countygrid.platform.data.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.PrimaryKey;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** The entity of a second test module, to open two modules at once. */
@Entity
@Table(name = "tsg_tag")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY, length = 12, primaryKey = true)
@PrimaryKey(columns = { @Column(name = "office"), @Column(name = "label") })
public class Tag {

    @Id
    @Column(name = "label", length = 40)
    private String label;

    protected Tag() {
    }

    public Tag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
