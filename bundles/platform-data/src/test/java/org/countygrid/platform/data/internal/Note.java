package org.countygrid.platform.data.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.PrimaryKey;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A module entity as the README tells modules to write them: office-scoped, office part of the key. */
@Entity
@Table(name = "tst_note")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY, length = 12, primaryKey = true)
@PrimaryKey(columns = { @Column(name = "office"), @Column(name = "id") })
public class Note {

    @Id
    @Column(name = "id", length = 20)
    private String id;

    @Column(name = "body", length = 200)
    private String body;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Note() {
    }

    public Note(String id, String body) {
        this.id = id;
        this.body = body;
    }

    public String id() {
        return id;
    }

    public String body() {
        return body;
    }

    public void changeBody(String body) {
        this.body = body;
    }
}
